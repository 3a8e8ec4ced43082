# ruff: noqa: E402, E501, E401, I001, E702  (a script: the older engine must be put on sys.path before its imports)
"""Score an older engine on the forecast benchmark's saved fits (the "before" column of README_forecast.md).

Usage: forecast_score_engine.py PART N JOBS ENGINE_DIR FITS_DIR, where ENGINE_DIR holds ``kreport/`` and
``benchmarks/`` of the older commit (``git archive <commit> kreport benchmarks | tar -x -C ENGINE_DIR``) and
FITS_DIR the saved fits (``forecast_benchmark.py --fits``). Scores the first N series of the fixed order (seed 7)
with that engine's ``complete_backtest`` (its combination and calibration), without the benchmark's choice rules.
"""
import os
import sys

ENGINE, FITS = sys.argv[4], sys.argv[5]
sys.path.insert(0, ENGINE); os.chdir(ENGINE)
import pandas as pd

import kreport.stats.forecast.backtest as bt
from benchmarks import forecast_benchmark as fb
from kreport.stats.forecast.backtest import complete_backtest

assert bt.__file__.startswith(os.path.abspath(ENGINE)), bt.__file__
part, n, jobs_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def one(job):
    series_id, values, first_scored, last_origin, calibration_start, with_sf, fits_dir, _ = job
    saved = pd.read_pickle(os.path.join(fits_dir, series_id.replace('/', '_') + '.pkl'))
    kr, sf = saved['kr'], saved['sf']
    models = fb.candidate_models(calibration_start, 4)
    own = kr[kr['model'].isin(models)].drop(columns=['seconds', 'unconverged', 'season'], errors='ignore').reset_index(drop=True)
    frame = complete_backtest(own)
    frame = frame[(frame['origin_pos'] >= first_scored) & frame['actual'].notna()]
    out = pd.concat([frame[fb.COLUMNS], sf[fb.COLUMNS]], ignore_index=True)
    out.insert(0, 'series', series_id)
    unconv = kr[kr['model'].isin(models)].groupby(['model', 'origin_pos'])['unconverged'].first().groupby(level='model').sum()
    return out, unconv
jobs = fb._set_jobs(part, n, 7, True, FITS, False)
import multiprocessing as mp

with mp.get_context('fork').Pool(jobs_n) as pool:
    res = pool.map(one, jobs, chunksize=4)
long = pd.concat([r[0] for r in res], ignore_index=True)
unconv = pd.concat([r[1] for r in res], axis=1).sum(axis=1)
table, overall = fb.summarise(long)
pd.set_option('display.width', 200)
print(f'=== BEFORE (engine in {ENGINE}): {fb.SETS[part][0]}, first {len(jobs)} series of the fixed order ===')
print('Non-converged fits left out (all series and origins):', unconv.astype(int).to_dict())
print(table.loc[['auto', 'sf_mean3']].round(3).to_string())
print(overall.round(3).to_string())
a, s = overall.loc['auto'], overall.loc['sf_mean3']
print(f"Side by side BEFORE: kreport auto {a['rel_mase_vs_snaive']:.3f}, sf_mean3 {s['rel_mase_vs_snaive']:.3f} "
      f"(difference {a['rel_mase_vs_snaive'] - s['rel_mase_vs_snaive']:+.3f}); calibrated {100*a['cov80_cal']:.1f}% / {100*a['cov95_cal']:.1f}%, raw {100*a['cov80_raw']:.1f}% / {100*a['cov95_raw']:.1f}%")
