"""Search quality: graded queries, nDCG@10, and the sample-corpus harness the floors test uses."""
