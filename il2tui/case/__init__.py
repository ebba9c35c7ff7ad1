"""The case file, format ``il2-case/1``: the model (:mod:`.model`), the checks across its
fields (:mod:`.rules`), reading and atomic writing (:mod:`.files`), and the demo case."""
