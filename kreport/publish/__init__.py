"""The build: the report catalog, parameter checks, planning, running notebooks through papermill,
HTML export, the manifest and the index pages. :func:`kreport.publish.orchestrator.build` is its one entry point."""
