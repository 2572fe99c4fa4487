# SPDX-License-Identifier: MIT
# ssh.mk: the desk served over SSH (issue 7); included by the Makefile.
#
# make test-ssh              a private sshd on 127.0.0.1 (a free high port,
#                            keys made in a temporary directory) whose
#                            ForceCommand is the built dcinet, driven with
#                            ssh -tt in tmux: tests/ssh/desk_*.sh; then
#                            make install / uninstall from a copy of the
#                            tree: tests/ssh/install_*.sh
# make test-ssh SSH_IDLE=60  measure the idle sessions' CPU over 60 s
#                            instead of 10 (the figure in the issue)
#
# Needs Debian's openssh-server and openssh-client (installed here when run
# as root, else the apt-get command is printed) and tmux.  The tests start
# and always stop their own sshd; they log in as the user running them
# (root in CI) and create no account.
SSH_IDLE ?= 10
SSH_TESTS = $(sort $(wildcard tests/ssh/desk_*.sh)) $(sort $(wildcard tests/ssh/install_*.sh))

.PHONY: test-ssh
test-ssh: dcinet $(DEPS_TEST)
	@tools/install-deps.sh ssh
	@IDLE_SECONDS=$(SSH_IDLE) DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh $(SSH_TESTS)
