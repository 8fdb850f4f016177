import { describe, expect, it } from 'vitest';
import { generatedFrom, traditionalForms } from '../../../src/tag/traditional-forms.js';
import { hanTerms } from '../../helpers/traditional-forms.js';

describe('src/tag/traditional-forms.ts', () => {
  it('was generated from the current catalogue and vocabulary (else run `npm run gen:traditional`)', () => {
    expect(generatedFrom).toEqual(hanTerms());
  });

  it('holds the Taiwan form first, and Hong Kong and character-level forms too', () => {
    expect(traditionalForms['腾讯']![0]).toBe('騰訊');
    expect(traditionalForms['阿里巴巴']![0]).toBe('阿里巴巴');
    expect(traditionalForms['阿里云']).toContain('阿里雲');
    expect(traditionalForms['发布']).toEqual(expect.arrayContaining(['發佈', '發布']));
    expect(traditionalForms['人工智能']).toContain('人工智慧');
  });
});
