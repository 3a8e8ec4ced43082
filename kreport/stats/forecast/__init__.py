"""The forecast engine: models, modelling transforms, rolling-origin backtests, interval calibration,
the forecast call and the policy of which series are modelled."""
