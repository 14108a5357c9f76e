/* nichiro-card-set.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-card.h"
#include "nichiro-dataset.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_CARD_SET (nichiro_card_set_get_type ())

G_DECLARE_FINAL_TYPE (NichiroCardSet, nichiro_card_set, NICHIRO, CARD_SET, GObject)

NichiroCardSet  *nichiro_card_set_new              (NichiroDataset     *dataset);
NichiroDataset  *nichiro_card_set_get_dataset      (NichiroCardSet     *self);
NichiroCard     *nichiro_card_set_lookup           (NichiroCardSet     *self,
                                                    const char         *id);
guint            nichiro_card_set_count            (NichiroCardSet     *self,
                                                    NichiroCardType     type);
GPtrArray       *nichiro_card_set_select_parts     (NichiroCardSet     *self,
                                                    const char * const *parts);
GPtrArray       *nichiro_card_set_select_entries   (NichiroCardSet     *self,
                                                    GHashTable         *entry_ids);

G_END_DECLS
