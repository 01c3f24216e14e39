'use strict';

// The constants of the C ABI that the Node host uses. They mirror the
// #defines of capi/fives.h, which koffi cannot read: check_abi.js (the CTest
// test example_node_abi) compares every FIVES_* entry here with the header
// and fails when one differs or is gone.

const statusCodes = {
  FIVES_OK: 0,
  FIVES_CANCELLED: 1,
  FIVES_UNKNOWN: 2,
  FIVES_INVALID_ARGUMENT: 3,
  FIVES_DEADLINE_EXCEEDED: 4,
  FIVES_NOT_FOUND: 5,
  FIVES_ALREADY_EXISTS: 6,
  FIVES_PERMISSION_DENIED: 7,
  FIVES_RESOURCE_EXHAUSTED: 8,
  FIVES_FAILED_PRECONDITION: 9,
  FIVES_ABORTED: 10,
  FIVES_OUT_OF_RANGE: 11,
  FIVES_UNIMPLEMENTED: 12,
  FIVES_INTERNAL: 13,
  FIVES_UNAVAILABLE: 14,
  FIVES_DATA_LOSS: 15,
  FIVES_UNAUTHENTICATED: 16,
};

const otherConstants = {
  FIVES_VERSION_MAJOR: 0,
  FIVES_FORMAT_BINARY: 1,
  FIVES_FORMAT_JSON: 2,
  FIVES_ROUND_OPEN: 1,
  FIVES_ROUND_CONFIDENTIAL: 2,
  FIVES_DOCUMENT_MARKDOWN: 1,
  FIVES_DOCUMENT_HTML: 2,
};

// The name of a status code ("FIVES_NOT_FOUND"). Codes may be added to the
// library: treat one this host does not know as a generic error.
function statusName(code) {
  const name = Object.keys(statusCodes).find((k) => statusCodes[k] === code);
  return name || 'an unknown status code';
}

module.exports = Object.freeze({...statusCodes, ...otherConstants, statusName});
