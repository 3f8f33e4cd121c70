/* The SDK's version, printed by every tool's --version. */
#ifndef ATXF_VERSION_H
#define ATXF_VERSION_H

#define ATXF_SDK_VERSION "0.1.0"

#endif
