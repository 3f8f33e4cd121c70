# templates/: the driver templates and atxf-new, staged into the sysroot as
# share/atxf/templates/ and bin/atxf-new (atxf-new finds the templates
# relative to itself, so both move with the installed SDK).

TEMPLATE_SRCS     := $(shell find templates -type f ! -name build.mk ! -name atxf-new | sort)
SR_TEMPLATE_FILES := $(TEMPLATE_SRCS:templates/%=$(SR_SHARE)/atxf/templates/%)

$(SR_SHARE)/atxf/templates/%: templates/%
	$(stage_copy)

# The SDK's version goes into the script's own "version=" line only.
$(SR_BIN)/atxf-new: templates/atxf-new sdk/include/atxf/version.h
	@mkdir -p $(@D)
	$(call run,STAGE,$@) sed '/^version=/s/@SDK_VERSION@/$(ATXF_SDK_VERSION)/' $< > $@ && chmod 755 $@

sysroot: $(SR_TEMPLATE_FILES)
