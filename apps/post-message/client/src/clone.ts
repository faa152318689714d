import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { buildCloneSample, type CloneRow, jsonOf, SAMPLE_LABELS } from './clone-cases.ts';
import messages from './messages.ts';
import { describeError } from './origins.ts';
import { openFrame } from './parent.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// /clone: what the structured clone keeps, loses, and refuses.

const table = byId('clone-table');
const throwsLog = byId('throws-log');
let sample: Record<string, unknown> | undefined;

/** One table cell, filled with text. */
function cell(text: string, className = ''): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  td.className = className;
  return td;
}

/** What the table shows for a key of the sample: code, with a note in the page's language for two of them. */
function labelOf(key: string): string {
  if (key === 'self') return t.cloneLabelSelf;
  if (key === 'point') return t.cloneLabelPoint;
  return SAMPLE_LABELS[key] ?? '';
}

const link = await openFrame(byId<HTMLIFrameElement>('frame'), {
  accepted(kind, data) {
    if (kind !== 'clone-report' || !sample) return;
    const rows = data.rows as CloneRow[];
    table.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.key = row.key;
        tr.append(
          cell(row.key, 'mono'),
          cell(labelOf(row.key), 'mono'),
          cell(
            row.verdict === 'survives' ? t.cloneSurvives : t.cloneLost,
            row.verdict === 'survives' ? 'ok' : 'bad',
          ),
          cell(row.got),
          cell(jsonOf(sample as Record<string, unknown>, row.key, t), 'mono'),
        );
        return tr;
      }),
    );
  },
});

byId('clone-run').addEventListener('click', () => {
  sample = buildCloneSample();
  link.send({ kind: 'clone-probe', value: sample });
});

// #region fixed:clone-refused
/** The values the structured clone refuses, each inside an otherwise fine message. */
const REFUSED: [string, () => unknown][] = [
  ['a function', () => ({ kind: 'clone-probe', value: () => 1 })],
  ['an object with a method', () => ({ kind: 'clone-probe', value: { ok: 1, run() {} } })],
  ['a DOM node', () => ({ kind: 'clone-probe', value: document.body })],
  ['a symbol', () => ({ kind: 'clone-probe', value: Symbol('id') })],
];

byId('throws-run').addEventListener('click', () => {
  throwsLog.replaceChildren();
  for (const [label, make] of REFUSED) {
    try {
      // fix: postMessage throws DataCloneError here, in the sender, and sends nothing
      link.send(make());
      appendLine(throwsLog, t.cloneSentUnexpected(t.cloneRefusedLabel(label)));
    } catch (error) {
      appendLine(
        throwsLog,
        t.cloneThrew(t.cloneRefusedLabel(label), describeError(error)),
      ).className = 'bad';
    }
  }
});
// #endregion
