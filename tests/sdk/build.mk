# tests/sdk: the installed SDK as a user meets it:
# make install, move the prefix, then build, scaffold every template, CMake,
# pkg-config and atxf-new's refusals with only the moved bin/ on PATH.
# tests/sdk/check-sdk.sh prints one OK or FAIL line per case.

.PHONY: check-sdk
check-sdk: sysroot
	@MAKE='$(MAKE)' BUILD='$(abspath $(BUILD))' tests/sdk/check-sdk.sh

CHECK_BUILD += sysroot
CHECK_STEPS += check-sdk
