// The independent recomputation of the indicators: being written.
