/* nichiro-about.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-dataset.h"

G_BEGIN_DECLS

void nichiro_about_present (GtkWindow      *parent,
                            NichiroDataset *dataset);

G_END_DECLS
