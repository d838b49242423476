import { convertPwc, durationSeconds, PwcRowError } from './pwc-call-centre';

/** Four calls in the file's shape (made up here): two agents, two topics, one unanswered. */
const RECORDS = [
  row(
    'ID0001',
    'Diane',
    '2021-03-27',
    '9:12:58',
    'Contract related',
    'Y',
    'Y',
    '109',
    '0:02:23',
    '3',
  ),
  row(
    'ID0002',
    'Becky',
    '2021-03-28',
    '9:30:00',
    'Technical Support',
    'Y',
    'N',
    '70',
    '0:04:02',
    '',
  ),
  row('ID0003', '', '2021-03-28', '10:00:00', 'Technical Support', 'N', '', '', '', ''),
  row(
    'ID0004',
    'Diane',
    '2021-03-26',
    '17:59:59',
    'Technical Support',
    'Y',
    'Y',
    '0',
    '1:00:00',
    '5',
  ),
];

function row(...v: string[]): Record<string, string> {
  const names = [
    'Call Id',
    'Agent',
    'Date',
    'Time',
    'Topic',
    'Answered (Y/N)',
    'Resolved',
    'Speed of answer in seconds',
    'AvgTalkDuration',
    'Satisfaction rating',
  ];
  return Object.fromEntries(names.map((n, i) => [n, v[i]]));
}

describe('convertPwc', () => {
  const files = convertPwc(RECORDS, {
    timeZone: 'Europe/London',
    abandonWaitSeconds: 0,
    hourlyRate: '15.81',
  });
  const calls = files.calls.rows.map((r) =>
    Object.fromEntries(files.calls.header.map((h, i) => [h, r[i]])),
  );

  it('writes answered calls with their agent, queue, talk, outcome and CSAT', () => {
    expect(calls[0]).toEqual({
      call_id: 'PWC-ID0001',
      employee_code: 'PWC-DIANE',
      campaign_code: 'PWC-CONTRACT-RELATED',
      channel: 'phone',
      direction: 'inbound',
      started_at: '2021-03-27T09:12:58+00:00',
      queue_seconds: '109',
      talk_seconds: '143',
      hold_seconds: '0',
      wrap_seconds: '0',
      outcome: 'resolved',
      csat: '3',
    });
    expect(calls[1]).toMatchObject({ outcome: 'unresolved', csat: '', talk_seconds: '242' });
  });

  it("puts the site's offset on each time, across the spring DST change", () => {
    // Europe/London moved to BST (+01:00) on 2021-03-28 at 01:00.
    expect(calls[1].started_at).toBe('2021-03-28T09:30:00+01:00');
  });

  it('writes an unanswered call as abandoned, without an agent, waiting the assumed seconds', () => {
    expect(calls[2]).toMatchObject({
      employee_code: '',
      outcome: 'abandoned',
      queue_seconds: '0',
      talk_seconds: '0',
    });
    const waited = convertPwc(RECORDS, {
      timeZone: 'UTC',
      abandonWaitSeconds: 45,
      hourlyRate: '1',
    });
    expect(waited.calls.rows[2][6]).toBe('45');
  });

  it('lists each agent once, hired on their first call date, and each topic as a campaign', () => {
    expect(files.agents.rows.map((r) => [r[0], r[6]])).toEqual([
      ['PWC-BECKY', '2021-03-28'],
      ['PWC-DIANE', '2021-03-26'],
    ]);
    expect(files.campaigns.rows).toEqual([
      ['PWC-CONTRACT-RELATED', 'Contract related', 'inbound_support', 'PWC'],
      ['PWC-TECHNICAL-SUPPORT', 'Technical Support', 'tech_support', 'PWC'],
    ]);
    expect(files.sites.rows[0][2]).toBe('Europe/London');
  });

  it('names the line and column of a record it cannot convert', () => {
    const bad = [
      ...RECORDS,
      row('ID0005', 'Greg', '2021-02-30', '9:00:00', 'Streaming', 'Y', 'Y', '5', '0:01:00', '4'),
    ];
    expect(() => convertPwc(bad)).toThrow(
      new PwcRowError(6, 'Date/Time', '"2021-02-30 9:00:00" is not a time'),
    );
    const noSpeed = [
      row('ID0006', 'Greg', '2021-02-01', '9:00:00', 'Streaming', 'Y', 'Y', '', '0:01:00', '4'),
    ];
    expect(() => convertPwc(noSpeed)).toThrow('line 2, Speed of answer in seconds');
  });

  it('reads H:MM:SS durations and refuses anything else', () => {
    expect(durationSeconds('0:00:37')).toBe(37);
    expect(durationSeconds('1:02:03')).toBe(3723);
    expect(() => durationSeconds('2:61:00')).toThrow('not a duration');
  });
});
