/* fuzz.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point. Each fuzz-*.c defines it; libFuzzer or the
 * replay driver in fuzz-main.c calls it once per input. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
