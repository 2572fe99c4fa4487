# SPDX-License-Identifier: MIT
# i18n.mk: the browser's French catalogue (issue 6); included by the
# Makefile, whose dcinet, test, install and uninstall name the targets
# here ($(MO_FR), i18n-check, install-locale, uninstall-locale).
#
# make                 also compiles po/fr.po into
#                      $(BUILD)/locale/fr/LC_MESSAGES/dcinet.mo, where a
#                      binary run from the build tree finds it
#                      (<directory of the binary>/locale)
# make install         also installs it as
#                      $(PREFIX)/share/locale/fr/LC_MESSAGES/dcinet.mo, the
#                      directory compiled into the binary (DCINET_LOCALEDIR)
# make i18n-check      po/fr.po translates every interface string of core/, tui/ and cli/
#                      (run by make test)
# make po-update       refresh po/dcinet.pot from tui/*.c and merge it into
#                      po/fr.po (then translate what msgfmt --statistics
#                      calls untranslated or fuzzy)
#
# Needs msgfmt, xgettext, msgmerge and msgcmp: Debian's gettext package, in
# the build group of tools/install-deps.sh.
PO_FR      = po/fr.po
POT        = po/dcinet.pot
MO_FR      = $(BUILD)/locale/fr/LC_MESSAGES/dcinet.mo
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
                 --keyword=i18n_trn:1,2 --add-comments=TRANSLATORS: \
                 --package-name=dcinet --package-version=$(VERSION) \
                 --msgid-bugs-address=dcinet --sort-by-file --no-wrap

.PHONY: i18n-check po-update install-locale uninstall-locale

$(MO_FR): $(PO_FR) $(DEPS_OK)
	@mkdir -p $(dir $@)
	msgfmt --check --output-file=$@ $(PO_FR)

# Every directory with text for people: core/ marks its phrases with N_()
# (kinds of source, the card's labels) and the clients translate them;
# cli/: --help, usage errors, --check's framing and the --plain sentences.
POT_SRC = $(sort $(CORE_SRC) $(TUI_SRC) $(CLI_SRC))

$(BUILD)/dcinet.pot: $(POT_SRC) $(wildcard tui/*.h cli/*.h) $(DEPS_OK)
	@mkdir -p $(BUILD)
	xgettext $(XGETTEXT_FLAGS) --output=$@ $(POT_SRC)

# Every string of the interface has a translation, and none is fuzzy.
i18n-check: $(BUILD)/dcinet.pot $(MO_FR)
	@msgcmp $(PO_FR) $(BUILD)/dcinet.pot || { \
		echo "i18n-check: po/fr.po lacks translations: run make po-update and translate" >&2; \
		exit 1; }
	@stats=$$(LC_ALL=C msgfmt --statistics -o /dev/null $(PO_FR) 2>&1); \
	case $$stats in *fuzzy*|*untranslated*) \
		echo "i18n-check: po/fr.po: $$stats" >&2; exit 1;; esac

po-update: $(BUILD)/dcinet.pot
	cp $(BUILD)/dcinet.pot $(POT)
	msgmerge --update --backup=none --no-wrap $(PO_FR) $(POT)
	@LC_ALL=C msgfmt --statistics -o /dev/null $(PO_FR)

install-locale: $(MO_FR)
	install -d $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES
	install -m 644 $(MO_FR) $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/dcinet.mo

uninstall-locale:
	rm -f $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/dcinet.mo
