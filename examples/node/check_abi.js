'use strict';

// Fails when a constant of fives_abi.js differs from capi/fives.h.
//
//   node check_abi.js PATH/TO/fives.h

const fs = require('fs');
const abi = require('./fives_abi');

// The integer constants of the header: its enumerators (FIVES_OK = 0,
// FIVES_FORMAT_JSON = 2, ...) and integer #defines (FIVES_VERSION_MAJOR 0).
function headerDefines(path) {
  const defines = new Map();
  const patterns = [
    /^#define\s+(FIVES_[A-Z0-9_]+)\s+(-?\d+)\s*(?:\/\*.*)?$/,
    /^\s*(FIVES_[A-Z0-9_]+)\s*=\s*(-?\d+)\s*,?\s*(?:\/\*.*)?$/,
  ];
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (match) defines.set(match[1], Number(match[2]));
    }
  }
  return defines;
}

function main(headerPath) {
  const defines = headerDefines(headerPath);
  const names = Object.keys(abi).filter((name) => name.startsWith('FIVES_'));
  let problems = 0;
  for (const name of names) {
    if (!defines.has(name)) {
      console.error(`${name}: not an integer constant of ${headerPath}`);
      ++problems;
    } else if (defines.get(name) !== abi[name]) {
      console.error(
          `${name}: ${abi[name]} in fives_abi.js, ` +
          `${defines.get(name)} in ${headerPath}`);
      ++problems;
    }
  }
  if (problems > 0) {
    console.error(
        `fives_abi.js differs from ${headerPath} in ${problems} ` +
        'constant(s)');
    process.exit(1);
  }
  console.log(`fives_abi.js: ${names.length} constants match ${headerPath}`);
}

if (process.argv.length !== 3) {
  console.error('usage: node check_abi.js PATH/TO/fives.h');
  process.exit(2);
}
main(process.argv[2]);
