'use strict';

// The calling conventions of the C ABI, once: a status other than FIVES_OK
// becomes a FivesError with the library's message and the refusal for
// people, and a fives_buffer result is copied into JavaScript and freed
// with fives_buffer_free.

const {koffi} = require('./fives_lib');
const abi = require('./fives_abi');

// A refused call: `code` is the status (abi.FIVES_NOT_FOUND, ...) and
// `detail` what fives_last_error() said, in English for developers.
// `failure` is the whole failure, a fives.v1.Error as JSON bytes (status,
// message and, for a refusal people can cause, its detail), or null;
// text(language) the refusal for people in 'en' or 'nl'.
class FivesError extends Error {
  constructor(call, code, detail, failure = null, writeText = null) {
    super(`${call} failed: ${abi.statusName(code)} (${code}): ${detail}`);
    this.name = 'FivesError';
    this.call = call;
    this.code = code;
    this.detail = detail;
    this.failure = failure;
    this.writeText = writeText;
  }

  // The detail's phrase in `language` with its arguments filled in, or the
  // message when there is none ('"2027-02-30" is geen datum: ...').
  text(language = 'en') {
    if (this.failure === null || this.writeText === null) return this.detail;
    return this.writeText(this.failure, language);
  }
}

class Fives {
  constructor(lib) {
    this.lib = lib;
  }

  // Calls a function that returns only a status.
  call(name, ...args) {
    this.check(name, this.lib[name](...args));
  }

  // Calls a function whose first argument is `fives_buffer *out` and returns
  // the text it gets (UTF-8, NUL-terminated, the NUL not counted in len).
  text(name, ...args) {
    return this.take(this.callWithBuffer(name, args)).toString('utf8');
  }

  // The same for bytes (a serialized message).
  bytes(name, ...args) {
    return this.take(this.callWithBuffer(name, args));
  }

  // Calls a function whose first argument is `fives_journal **out`; the
  // caller frees the handle with fives_journal_free.
  journal(name, ...args) {
    const out = [null];
    this.check(name, this.lib[name](out, ...args));
    return out[0];
  }

  // text() on a worker thread: koffi's .async, for calls that take a while
  // (documents, reports of large journals). The journal is used by one
  // thread at a time, so the caller must not touch it until the promise
  // settles. fives_last_error() is per thread, and the call ran on the
  // worker: a failure's message comes from fives_error_take instead, which
  // finds it by the call's first argument. So the out-parameter lives in
  // native memory allocated here, whose address is known after the call.
  textAsync(name, ...args) {
    const out = koffi.alloc('fives_buffer', 1);
    koffi.encode(out, 'fives_buffer', {data: null, len: 0});
    return new Promise((resolve, reject) => {
      this.lib[name].async(out, ...args, (error, status) => {
        try {
          if (error) {
            reject(error);
          } else if (status !== abi.FIVES_OK) {
            reject(this.takeError(name, status, out));
          } else {
            resolve(this.take(koffi.decode(out, 'fives_buffer'))
                        .toString('utf8'));
          }
        } finally {
          koffi.free(out);
        }
      });
    });
  }

  // The FivesError of the call `name` that failed with `status` and whose
  // first argument was `firstArgument`, from whichever thread ran it.
  takeError(name, status, firstArgument) {
    const error = {};
    if (this.lib.fives_error_take_detail(
            error, firstArgument, abi.FIVES_FORMAT_JSON) !== abi.FIVES_OK) {
      return new FivesError(name, status, '(no message kept)');
    }
    const failure = this.take(error);
    const message = JSON.parse(failure.toString('utf8')).message || '';
    return this.refused(name, status, message, failure);
  }

  check(name, status) {
    if (status !== abi.FIVES_OK) {
      // Read at once: the next fives call on this thread replaces it.
      // fives_last_error_detail leaves it as it is.
      const message = this.lib.fives_last_error();
      const error = {};
      const failure = this.lib.fives_last_error_detail(
                          error, abi.FIVES_FORMAT_JSON) === abi.FIVES_OK ?
          this.take(error) :
          null;
      throw this.refused(name, status, message, failure);
    }
  }

  refused(name, status, message, failure) {
    return new FivesError(
        name, status, message, failure,
        (bytes, language) => this.text(
            'fives_error_text', bytes, bytes.length, abi.FIVES_FORMAT_JSON,
            language));
  }

  callWithBuffer(name, args) {
    const out = {};
    this.check(name, this.lib[name](out, ...args));
    return out;
  }

  // Copies the buffer's bytes out of library memory, then frees it.
  take(buffer) {
    try {
      const len = Number(buffer.len);
      if (len === 0) return Buffer.alloc(0);
      return Buffer.from(new Uint8Array(koffi.view(buffer.data, len)));
    } finally {
      this.lib.fives_buffer_free(buffer);
    }
  }
}

module.exports = {
  Fives,
  FivesError
};
