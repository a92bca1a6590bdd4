"""Engines: where the stages run. The default path is `pipeline.scan` on this machine;
`dask.py` runs the same stage functions on a Dask cluster (install `claimcheck-news[dask]`)."""
