# The shell side of scripts/lib/ci.ts, for the setup steps: `in_ci` succeeds when CI is set to anything but
# '', 'false' or '0'. Source it: . "$(dirname "$0")/../lib/ci.sh"
in_ci() {
  case "${CI:-}" in
    '' | false | 0) return 1 ;;
    *) return 0 ;;
  esac
}
