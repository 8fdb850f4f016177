import { describe, expect, it } from 'vitest';
import { createDeduper } from '../../../src/dedupe/deduper.js';

describe('createDeduper (the dedupe CLI stage)', () => {
  it('gives the same item to the same URL spelled differently, and the same story to other outlets', () => {
    const assign = createDeduper({ now: new Date('2026-08-22T00:00:00Z') });
    const lines = [
      { id: 'a', url: 'https://36kr.com/p/1?f=rss', title: '宇树发布仿生7轴灵巧机械臂，售价9900元起', published: '2026-08-20T03:55:00+00:00' },
      { id: 'b', url: 'https://www.36kr.com/p/1', title: '宇树发布仿生7轴灵巧机械臂，售价9900元起', published: '2026-08-20T03:55:00+00:00' },
      { id: 'c', url: 'https://readhub.cn/topic/x', title: '宇树科技推出仿生 7 轴灵巧机械臂，售价 9900 元起', published: '2026-08-20T07:09:00+00:00' },
      { id: 'd', url: 'https://readhub.cn/topic/y', title: '台积电A16工艺完成开发验证，目标Q4量产', published: '2026-08-20T07:25:00+00:00' },
    ];
    expect(lines.map(assign)).toEqual([
      { id: 'a', item: 'a', story: 'a' },
      { id: 'b', item: 'a', story: 'a' },
      { id: 'c', item: 'c', story: 'a' },
      { id: 'd', item: 'd', story: 'd' },
    ]);
  });

  it('merges two earlier stories into the oldest when a later item bridges them', () => {
    const assign = createDeduper({ now: new Date('2026-08-22T00:00:00Z') });
    assign({ id: '1', title: 'Nvidia in talks with Rebellions over chip deal', published: '2026-08-21T01:00:00Z' });
    assign({ id: '2', title: 'Rebellions and Samsung discuss HBM4 supply for Rebel-Quad', published: '2026-08-21T02:00:00Z' });
    const bridge = assign({ id: '3', title: 'Nvidia in talks with Rebellions over chip deal, Rebel-Quad HBM4 supply', published: '2026-08-21T03:00:00Z' });
    expect(bridge.story).toBe('1');
    expect(assign({ id: '4', url: 'x', title: 'Rebellions and Samsung discuss HBM4 supply for Rebel-Quad', published: '2026-08-21T02:00:00Z' }).story).toBe('1');
  });
});
