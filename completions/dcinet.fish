# SPDX-License-Identifier: MIT
# fish completion for dcinet(1).
# Installed as $(PREFIX)/share/fish/vendor_completions.d/dcinet.fish.
# Every option of `dcinet --help` must be here (tests/e2e/cli_completion.sh
# checks).

complete -c dcinet -f
complete -c dcinet -s d -l data -x -a '(__fish_complete_directories)' -d 'load the CSV registry in DIR'
complete -c dcinet -s b -l db -r -F -d 'open a database built by --import, read-only'
complete -c dcinet -s f -l find -x -d 'print the answer and what matches TEXT'
complete -c dcinet -s F -l format -x -a 'text plain tsv json' -d 'output format of --find'
complete -c dcinet -s j -l json -d 'the same as --format json'
complete -c dcinet -s p -l plain -d 'the same as --format plain'
complete -c dcinet -s c -l check -x -a '(__fish_complete_directories)' -d 'validate a CSV registry'
complete -c dcinet -s i -l import -x -a '(__fish_complete_directories)' -d 'build --db FILE from DIR'
complete -c dcinet -l diff -r -F -d 'the changes between two registries (OLD NEW)'
complete -c dcinet -n '__fish_seen_argument -l diff' -F
complete -c dcinet -l network -d 'how big the network is: every size the sources claim, dated'
complete -c dcinet -l stale -d 'the facts older than --older-than years'
complete -c dcinet -l export -x -a 'csv json vcard' -d 'write the registry in FORMAT'
complete -c dcinet -l out -r -F -d 'where --export writes (a directory for csv)'
complete -c dcinet -l force -d 'let --export replace what --out names'
complete -c dcinet -l older-than -x -d 'the age in years that makes a fact stale'
complete -c dcinet -l no-mouse -d 'leave the mouse to the terminal'
complete -c dcinet -s h -l help -d 'show the help'
complete -c dcinet -s V -l version -d 'show the version'
