"""Reading a consultation document: its file turned into pages (`files`), the details
(`details`), the questions (`questions`), the passages that tie it to a reason (`signals`), all
gathered by `reader.read_consultation`, and put into the draft (`filling`). The app and the
command line read an untrusted document through `worker.read_in_worker`: the same reading, in a
child process with limits on memory, CPU time and wall time.

May import: `reasons/`, `drafting.text`, `drafting.model`.
"""
