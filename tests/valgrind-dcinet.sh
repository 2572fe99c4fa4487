#!/bin/sh
# SPDX-License-Identifier: MIT
# valgrind-dcinet.sh ARGS...: $DCINET for `make test-valgrind`: the real
# binary ($DCINET_REAL) under $VALGRIND, one log a process in $VG_LOGS.
# The e2e scripts run it as they would run dcinet; hardening.mk then fails
# the run on any error or leak in the logs.
: "${DCINET_REAL:?}" "${VALGRIND:?}" "${VG_LOGS:?}"
# shellcheck disable=SC2086
exec $VALGRIND --log-file="$VG_LOGS/dcinet.%p.log" "$DCINET_REAL" "$@"
