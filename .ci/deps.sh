#!/bin/sh
# Check the Debian packages deckpress needs; install missing ones when run as root,
# otherwise print the exact apt-get line and fail.
PKGS="build-essential pkg-config libpango1.0-dev libcairo2-dev libyaml-dev libcmocka-dev
libfontconfig-dev libhyphen-dev libicu-dev hyphen-nl hyphen-en-us libqpdf-dev qpdf poppler-utils
python3 python3-yaml python3-jsonschema locales liblcms2-dev argyll icc-profiles-free
libgs-common librsvg2-dev libpng-dev fonts-dejavu-core fonts-urw-base35 clang libclang-rt-14-dev time procps"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	echo "deckpress: installing missing Debian packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
		echo "deckpress: apt-get install failed" >&2; exit 1; }
else
	echo "deckpress: missing Debian packages. Install them with:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
