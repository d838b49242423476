"""Independent check of GET /api/calls/stats on PwC's "Call Centre Trends" file.

Computes metrics.md section 1 straight from the raw file, with no Floorwise code: per Topic and
in all, offered, answered, abandoned, SL(20) (short abandons excluded: the converter gives
unanswered calls a wait of 0), ASA, AHT (talk only: the file has no hold or wrap) and the abandon
rate; with --days FROM TO, the same per local date. Compare with
  GET /api/calls/stats?from=2021-01-01&to=2021-03-31&groupBy=campaign   (or groupBy=day)
after importing the converted files (docs/imports.md, "Trying a third-party file").

usage: python3 tools/convert/pwc-check.py FILE.csv [--days 2021-03-27 2021-03-29]
"""
import collections
import csv
import sys

T = 20


def seconds(hms):
    h, m, s = hms.split(':')
    return int(h) * 3600 + int(m) * 60 + int(s)


def main(argv):
    path = argv[1]
    days = argv[argv.index('--days') + 1:argv.index('--days') + 3] if '--days' in argv else None
    groups = collections.defaultdict(lambda: dict(off=0, ans=0, ab=0, ok=0, q=0, h=0))
    with open(path, encoding='utf-8-sig') as f:
        for r in csv.DictReader(f):
            if days and not days[0] <= r['Date'] <= days[1]:
                continue
            for key in ([r['Date']] if days else [r['Topic'], 'all']):
                g = groups[key]
                g['off'] += 1
                if r['Answered (Y/N)'] == 'Y':
                    q = int(r['Speed of answer in seconds'])
                    g['ans'] += 1
                    g['q'] += q
                    g['h'] += seconds(r['AvgTalkDuration'])
                    g['ok'] += q <= T
                else:
                    g['ab'] += 1
    for key, g in sorted(groups.items()):
        print(f"{key:20s} offered={g['off']} answered={g['ans']} abandoned={g['ab']} "
              f"SL={g['ok'] / g['ans']:.4f} ASA={g['q'] / g['ans']:.2f} AHT={g['h'] / g['ans']:.2f} "
              f"abandon_rate={g['ab'] / g['off']:.4f}")


if __name__ == '__main__':
    main(sys.argv)
