# ld emulation elf_x86_64_atxf: x86-64 ELF, laid out by atxf.ld.
#
# Everything is elf_x86_64's, except the default script: for a normal link
# it is the SDK's ldscripts/atxf.ld, copied in as scripttempl/atxf.ld by
# toolchain/build.sh (scripttempl/atxf.sc). ATXF programs are static, so no
# shared-library or PIE scripts are generated.
source_sh ${srcdir}/emulparams/elf_x86_64.sh
SCRIPT_NAME=atxf
GENERATE_SHLIB_SCRIPT=
GENERATE_PIE_SCRIPT=
