# shellcheck shell=bash
# served_urls [serve options...]: prints the address(es) `workflows serve` will really listen on,
# from the last --urls (either `--urls X` or `--urls=X`), else the server's default; a wildcard host
# (0.0.0.0, *, +, [::]) is shown as 127.0.0.1, which reaches it from this machine.
served_urls() {
  local urls="http://127.0.0.1:5080" previous=""
  for arg in "$@"; do
    if [ "$previous" = "--urls" ]; then urls="$arg"; fi
    case "$arg" in --urls=*) urls="${arg#--urls=}" ;; esac
    previous="$arg"
  done
  echo "$urls" | sed -E 's#//(0\.0\.0\.0|\*|\+|\[::\])(:|/|$)#//127.0.0.1\2#g; s#;# #g'
}
