"""合法性审查: legality review of the town's normative documents and contracts, starting
with the automated pre-review (智能预审) engine in `precheck`."""
