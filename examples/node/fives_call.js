'use strict';

// The calling conventions of the C ABI, once: a status other than FIVES_OK
// becomes a FivesError with the library's message, and a fives_buffer
// result is copied into JavaScript and freed with fives_buffer_free.

const {koffi} = require('./fives_lib');
const abi = require('./fives_abi');

// A refused call: `code` is the status (abi.FIVES_NOT_FOUND, ...) and
// `detail` what fives_last_error() said.
class FivesError extends Error {
  constructor(call, code, detail) {
    super(`${call} failed: ${abi.statusName(code)} (${code}): ${detail}`);
    this.name = 'FivesError';
    this.call = call;
    this.code = code;
    this.detail = detail;
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
            reject(new FivesError(name, status, this.takeError(out)));
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

  // The message of a failed call whose first argument was `firstArgument`,
  // from whichever thread ran it.
  takeError(firstArgument) {
    const message = {};
    const status = this.lib.fives_error_take(message, firstArgument);
    if (status !== abi.FIVES_OK) return '(no message kept)';
    return this.take(message).toString('utf8');
  }

  check(name, status) {
    if (status !== abi.FIVES_OK) {
      // Read at once: the next fives call on this thread replaces it.
      throw new FivesError(name, status, this.lib.fives_last_error());
    }
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
