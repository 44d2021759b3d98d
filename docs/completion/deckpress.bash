# bash completion for deckpress. The commands and options come from deckpress's own --help,
# so they are never out of date; values of the options that take a fixed set are listed.
# Installed by 'make install' into PREFIX/share/bash-completion/completions/deckpress.
# zsh can use it too: autoload -U bashcompinit && bashcompinit && source this file.

_deckpress()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[1]} words
	COMPREPLY=()
	if [ "$COMP_CWORD" -eq 1 ]; then
		words=$("${COMP_WORDS[0]}" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
		COMPREPLY=($(compgen -W "$words --help --version" -- "$cur"))
		return
	fi
	case $prev in
	--size) words="poker bridge euro tarot mini square a6 a7" ;;
	--sheet) words="a4 letter a3 none" ;;
	--duplex) words="long short none" ;;
	--marks) words="crop lines none" ;;
	--format) words="a5 a6 letter-half" ;;
	--impose) words="saddle" ;;
	--separator) words="comma semicolon tab" ;;
	-l | --lang) words="nl en" ;;
	--dump) words="layout" ;;
	-o | --output | -b | --base | --allow-read)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-j | --jobs | --dpi | --px | --bleed | --safe | --margin | --back-offset | --limit)
		return ;;
	esac
	if [ -n "$words" ]; then
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	elif [[ $cur == -* ]]; then
		words=$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null |
			sed -n '/^Options:/,$p' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _deckpress deckpress
