import { describe, expect, it } from 'vitest';
import { traditionalForms } from '../../../src/tag/traditional-forms.js';
import { computeTraditionalForms } from '../../helpers/traditional-forms.js';

describe('src/tag/traditional-forms.ts', () => {
  it('is up to date with the catalogue and vocabulary (else run `npm run gen:traditional`)', () => {
    expect(traditionalForms).toEqual(computeTraditionalForms());
  });

  it('holds the Taiwan and Hong Kong forms of company names', () => {
    expect(traditionalForms['腾讯']).toContain('騰訊');
    expect(traditionalForms['阿里云']).toContain('阿里雲');
    expect(traditionalForms['发布']).toEqual(expect.arrayContaining(['發佈', '發布']));
  });
});
