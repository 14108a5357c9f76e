/* nichiro-error.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NICHIRO_ERROR (nichiro_error_quark ())

/**
 * NichiroError:
 * @NICHIRO_ERROR_IO: the file could not be read
 * @NICHIRO_ERROR_TOO_LARGE: the file is larger than a dataset may be
 * @NICHIRO_ERROR_ENCODING: the text is not valid UTF-8
 * @NICHIRO_ERROR_SYNTAX: the text is not JSON, or nests too deeply
 * @NICHIRO_ERROR_INVALID: the JSON does not follow the dataset schema
 * @NICHIRO_ERROR_NOT_FOUND: no entry has the requested id
 *
 * Error codes in the %NICHIRO_ERROR domain.
 */
typedef enum
{
  NICHIRO_ERROR_IO,
  NICHIRO_ERROR_TOO_LARGE,
  NICHIRO_ERROR_ENCODING,
  NICHIRO_ERROR_SYNTAX,
  NICHIRO_ERROR_INVALID,
  NICHIRO_ERROR_NOT_FOUND,
} NichiroError;

GQuark nichiro_error_quark (void);

G_END_DECLS
