/* nichiro-dataset-loader.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_DATASET_LOADER (nichiro_dataset_loader_get_type ())

G_DECLARE_FINAL_TYPE (NichiroDatasetLoader, nichiro_dataset_loader, NICHIRO, DATASET_LOADER, GObject)

NichiroDatasetLoader *nichiro_dataset_loader_new_default (void);
void                  nichiro_dataset_loader_start       (NichiroDatasetLoader  *self);
gboolean              nichiro_dataset_loader_is_started  (NichiroDatasetLoader  *self);
NichiroDataset       *nichiro_dataset_loader_join        (NichiroDatasetLoader  *self,
                                                          GError               **error);

G_END_DECLS
