/* nichiro-error.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-error"

#include "config.h"

#include "nichiro-error.h"

G_DEFINE_QUARK (nichiro-error-quark, nichiro_error)
