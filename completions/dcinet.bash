# SPDX-License-Identifier: MIT
# bash completion for dcinet(1).
# Installed as $(PREFIX)/share/bash-completion/completions/dcinet, where
# bash-completion loads it on first use.  It needs none of bash-completion's
# helpers: `source completions/dcinet.bash` works in any bash.
# Every option of `dcinet --help` must be here, and in _dcinet and
# dcinet.fish (tests/e2e/cli_completion.sh checks).

_dcinet()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}

	# --format=json: bash splits the word at '=' (COMP_WORDBREAKS).
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	COMPREPLY=()
	case $prev in
	--data | -d | --check | -c | --import | -i)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		return ;;
	--db | -b | --diff | --out)     # --out is a file, or a directory for csv
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--format | -F)
		mapfile -t COMPREPLY < <(compgen -W 'text plain tsv json' -- "$cur")
		return ;;
	--export)
		mapfile -t COMPREPLY < <(compgen -W 'csv json vcard' -- "$cur")
		return ;;
	--find | -f | --older-than)
		return ;;     # free text: a search, a number of years
	esac
	if [[ $cur != -* ]]; then
		# --diff OLD NEW: NEW is the one argument that is not an option's.
		[[ " ${COMP_WORDS[*]} " == *" --diff "* ]] || return
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
	fi
	mapfile -t COMPREPLY < <(compgen -W '--data --db --find --format --json
		--plain --check --import --diff --network --stale --export --out --force
		--older-than --no-mouse --help --version' -- "$cur")
}
complete -F _dcinet dcinet
