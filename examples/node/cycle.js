'use strict';

// One 5S cycle through the C ABI of fives (capi/fives.h, libfives.so) from
// Node.js over koffi: a team, a confidential round, its report and meeting
// documents, a plan with feedback, the journal saved and loaded again, and
// the collaboration check.
//
//   FIVES_LIBRARY=PATH/libfives.so node cycle.js [FOLDER]
//
// writes FOLDER/board.journal (default: the current folder). Without
// FIVES_LIBRARY the dynamic loader looks for libfives.so.0. Needs koffi in
// node_modules (npm ci); exits 77 without it.

const path = require('path');
const abi = require('./fives_abi');

// The exit status CTest takes as "skipped" (SKIP_RETURN_CODE).
const kSkipped = 77;

// fives_lib.js; when koffi is missing, says how to install it and exits as
// skipped.
function loadBinding() {
  try {
    return require('./fives_lib');
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND' || !/'koffi'/.test(error.message)) {
      throw error;
    }
    console.log(
        'SKIPPED: koffi is not installed in ' +
        `${path.join(__dirname, 'node_modules')}; run \`npm ci\` ` +
        `in ${__dirname} (script/bootstrap does)`);
    process.exit(kSkipped);
  }
}

const {load} = loadBinding();
const {Fives, FivesError} = require('./fives_call');

// Not ASCII, so the report shows that strings cross as UTF-8 both ways.
const kTeamName = 'Board MT – Zuid';

// The team and its scores for Strategy, Synergy, Structure, Steering and
// Success factors, 1..5 each.
const kTeam = [
  {id: 'anna', name: 'Anna', scores: [4, 4, 2, 3, 4]},
  {id: 'bram', name: 'Bram', scores: [4, 3, 5, 3, 3]},
  {id: 'carla', name: 'Carla', scores: [3, 4, 1, 4, 4]},
  {id: 'daan', name: 'Daan', scores: [4, 5, 5, 2, 3]},
  {id: 'eva', name: 'Eva', scores: [5, 4, 1, 3, 4]},
  {id: 'femke', name: 'Femke', scores: [4, 3, 4, 4, 3]},
];

// The plan as a fives.v1.PlanRequest in JSON (proto3 JSON mapping). Without
// a "focus", the plan takes the focus pillar the round's report names; its
// actions get ids a1, a2, ...
const kPlan = {
  round_id: '2026-q1',
  created: '2026-03-10',
  actions: [
    {
      title: 'Choose a decision model per recurring topic',
      visible_result: 'A decision table in the MT folder',
      owner_id: 'bram',
    },
    {
      title: 'Use the four-block agenda',
      visible_result: 'Every MT agenda has the four blocks',
      owner_id: 'carla',
      due: '2026-03-31',
    },
  ],
};

// The collaboration check six weeks later, a fives.v1.CheckRequest: every
// action still open gets a review.
const kCheck = {
  date: '2026-04-21',
  helps: ['Decisions are written down the day they are made'],
  hinders: ['Operational topics crowd out strategy'],
  reviews: [
    {action_id: 'a1', outcome: 'REVIEW_OUTCOME_DONE'},
    {
      action_id: 'a2',
      outcome: 'REVIEW_OUTCOME_REPLANNED',
      new_due: '2026-05-12'
    },
  ],
};

function json(value) {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

// A call the library must refuse with `code` and a message containing
// `words`: prints both, and fails the cycle when either is not as expected;
// then hands the FivesError to `more`, if given.
function expectRefused(what, code, words, call, more = null) {
  try {
    call();
  } catch (error) {
    if (!(error instanceof FivesError)) throw error;
    console.log(
        `refused (${what}): ${abi.statusName(error.code)} ` +
        `(${error.code}): ${error.detail}`);
    if (error.code !== code || !error.detail.includes(words)) {
      throw new Error(`expected ${abi.statusName(code)} naming "${words}"`);
    }
    if (more !== null) more(error);
    return;
  }
  throw new Error(`${what}: not refused`);
}

// The refusal `error` reads `expected` for people in `language`.
function expectText(error, language, expected) {
  const text = error.text(language);
  console.log(`  for people (${language}): ${text}`);
  if (text !== expected) {
    throw new Error(`in ${language}: "${text}", expected "${expected}"`);
  }
}

async function cycle(fives, folder) {
  const file = path.join(folder, 'board.journal');
  let journal = null;
  let loaded = null;
  try {
    // 1. The team: a journal with the method's default settings (no
    // fives.v1.TeamConfig), and its members.
    journal =
        fives.journal('fives_journal_new', 'board', kTeamName, null, 0, 0);
    for (const member of kTeam) {
      fives.call(
          'fives_journal_add_member', journal, member.id, member.name,
          '2026-01-05');
    }

    // 2. A confidential round: scores are kept only as counts per pillar.
    // A refused call changes nothing; the round goes on.
    fives.call(
        'fives_journal_start_round', journal, '2026-q1', '2026-03-02',
        abi.FIVES_ROUND_CONFIDENTIAL);
    expectRefused(
        'a score of 6', abi.FIVES_INVALID_ARGUMENT, 'outside 1..5',
        () => fives.call(
            'fives_journal_add_response', journal, '2026-q1', 'anna',
            Int32Array.of(6, 4, 2, 3, 4)));
    expectRefused(
        'an unknown member', abi.FIVES_NOT_FOUND, 'zoe',
        () => fives.call(
            'fives_journal_add_response', journal, '2026-q1', 'zoe',
            Int32Array.of(3, 3, 3, 3, 3)));
    // A date that does not exist: the message is for developers, its text
    // for people reads in their language.
    expectRefused(
        'a date that does not exist', abi.FIVES_INVALID_ARGUMENT,
        '"2027-02-30" is not a date',
        () => fives.call(
            'fives_journal_start_round', journal, '2027-q1', '2027-02-30',
            abi.FIVES_ROUND_OPEN),
        (error) => expectText(
            error, 'nl',
            '"2027-02-30" is geen datum: februari 2027 heeft 28 dagen'));
    for (const member of kTeam) {
      fives.call(
          'fives_journal_add_response', journal, '2026-q1', member.id,
          Int32Array.from(member.scores));
    }
    fives.call('fives_journal_close_round', journal, '2026-q1', '2026-03-09');

    // 3. The report of the latest closed round (round_id null) as text, and
    // the meeting report as Markdown and as one HTML page.
    const report = fives.text('fives_journal_report_text', journal, null, 'en');
    if (!report.startsWith(`5S report: ${kTeamName}\n`)) {
      throw new Error('the report does not name the team as given');
    }
    process.stdout.write(report);
    const markdown = fives.text(
        'fives_journal_document', journal, null, 'en', '2026-03-09',
        abi.FIVES_DOCUMENT_MARKDOWN);
    console.log(`\nMarkdown: ${markdown.split('\n')[0]}`);
    // A document can take a while for a long journal: render it on a
    // worker thread, leaving the event loop free.
    const html = await fives.textAsync(
        'fives_journal_document', journal, null, 'en', '2026-03-09',
        abi.FIVES_DOCUMENT_HTML);
    if (!html.startsWith('<!DOCTYPE html>')) {
      throw new Error('the HTML document is not an HTML page');
    }
    console.log(
        `HTML page (rendered on a worker thread): ${html.length} ` +
        'characters');
    // A refused call on the worker thread: its message still arrives.
    try {
      await fives.textAsync(
          'fives_journal_document', journal, null, 'de', '2026-03-09',
          abi.FIVES_DOCUMENT_HTML);
      throw new Error('a document in German was not refused');
    } catch (error) {
      if (!(error instanceof FivesError) ||
          error.code !== abi.FIVES_INVALID_ARGUMENT ||
          !error.detail.includes('"de"')) {
        throw error;
      }
      console.log(`refused on a worker thread: ${error.detail}`);
      // Without a detail, its text for people is its message.
      expectText(error, 'nl', error.detail);
    }
    // A date that does not exist, refused on the worker thread: the whole
    // failure arrives, and reads in Dutch.
    try {
      await fives.textAsync(
          'fives_journal_document', journal, null, 'en', '2026-02-30',
          abi.FIVES_DOCUMENT_HTML);
      throw new Error('a document as of 2026-02-30 was not refused');
    } catch (error) {
      if (!(error instanceof FivesError) ||
          error.code !== abi.FIVES_INVALID_ARGUMENT) {
        throw error;
      }
      console.log(`refused on a worker thread: ${error.detail}`);
      expectText(
          error, 'nl',
          '"2026-02-30" is geen datum: februari 2026 heeft 28 dagen');
    }

    // 4. The plan: two actions on the focus pillar; owners commit to them
    // and report progress.
    const plan = json(kPlan);
    const planId = fives.text(
        'fives_journal_create_plan', journal, plan, plan.length,
        abi.FIVES_FORMAT_JSON);
    console.log(`plan ${planId} created`);
    fives.call('fives_journal_open_action', journal, 'a1', '2026-03-11');
    fives.call('fives_journal_open_action', journal, 'a2', '2026-03-11');
    fives.call(
        'fives_journal_add_feedback', journal, 'a1', '2026-03-20', 'bram',
        'Draft table shared', 50);

    // 5. Save the journal (atomically: a crash leaves the old file), then
    // load it back. The file is checksummed: a damaged one is refused with
    // FIVES_DATA_LOSS, a missing one with FIVES_NOT_FOUND.
    fives.call('fives_journal_save', journal, file);
    loaded = fives.journal('fives_journal_load', file);
    const saved = fives.bytes(
        'fives_journal_serialize', journal, abi.FIVES_FORMAT_BINARY);
    const reread =
        fives.bytes('fives_journal_serialize', loaded, abi.FIVES_FORMAT_BINARY);
    if (!saved.equals(reread)) {
      throw new Error('the loaded journal differs from the saved one');
    }
    console.log(`journal saved to ${file} and loaded (${saved.length} bytes)`);

    // 6. What needs attention, from the loaded journal, as JSON.
    console.log(
        'follow-up: ' +
        fives.text(
            'fives_journal_follow_up', loaded, '2026-03-21', null, 0,
            abi.FIVES_FORMAT_JSON));

    // 7. The collaboration check, led by the process guardian, then saved
    // to the file the journal came from (refused if another process changed
    // it since).
    const status = JSON.parse(fives.text(
        'fives_journal_check_status', loaded, kCheck.date,
        abi.FIVES_FORMAT_JSON));
    const guardian = fives.text('fives_journal_guardian', loaded, kCheck.date);
    const check = json(kCheck);
    const checkId = fives.text(
        'fives_journal_record_check', loaded, check, check.length,
        abi.FIVES_FORMAT_JSON);
    console.log(`check ${checkId} (${status.state}) led by ${guardian}`);
    fives.call('fives_journal_save', loaded, file);
  } finally {
    // fives_journal_free accepts NULL.
    fives.lib.fives_journal_free(loaded);
    fives.lib.fives_journal_free(journal);
  }
}

async function main() {
  const fives = new Fives(load(process.env.FIVES_LIBRARY || 'libfives.so.0'));

  // The library you run against must be the major version fives_abi.js
  // mirrors.
  const version = fives.lib.fives_version_number();
  if (Math.floor(version / 10000) !== abi.FIVES_VERSION_MAJOR) {
    console.error(
        `libfives ${fives.lib.fives_version_string()} does not ` +
        `match fives_abi.js (major ${abi.FIVES_VERSION_MAJOR})`);
    return 1;
  }
  try {
    await cycle(fives, process.argv[2] || '.');
  } catch (error) {
    if (!(error instanceof FivesError)) throw error;
    console.error(error.message);
    return 1;
  }
  return 0;
}

main().then(
    (status) => {
      process.exitCode = status;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    });
