import assert from 'node:assert/strict';
import { renderTextTable } from '../../src/report/TextTable.js';

describe('renderTextTable', () => {
  it('pads every column to its widest cell.', () => {
    const text = renderTextTable(['name', 'hours'], [['ada', '13.75'], ['bruno', '10']]);
    assert.equal(text, [
      'name   hours',
      '-----  -----',
      'ada    13.75',
      'bruno  10',
    ].join('\n'));
  });

  it('prints only the header and rule for no rows.', () => {
    assert.equal(renderTextTable(['a', 'bb'], []), 'a  bb\n-  --');
  });
});
