/* nichiro-schema.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nichiro-json-check.h"

G_BEGIN_DECLS

typedef struct _NichiroSchema NichiroSchema;

NichiroSchema *nichiro_schema_new_from_bytes (GBytes              *bytes,
                                              GError             **error);
NichiroSchema *nichiro_schema_get_default    (void);
void           nichiro_schema_free           (NichiroSchema       *self);
void           nichiro_schema_validate       (NichiroSchema       *self,
                                              JsonNode            *instance,
                                              NichiroJsonChecker  *checker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroSchema, nichiro_schema_free)

G_END_DECLS
