/* nichiro-dataset-error-window.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NICHIRO_TYPE_DATASET_ERROR_WINDOW (nichiro_dataset_error_window_get_type ())

G_DECLARE_FINAL_TYPE (NichiroDatasetErrorWindow, nichiro_dataset_error_window, NICHIRO, DATASET_ERROR_WINDOW, AdwApplicationWindow)

GtkWidget *nichiro_dataset_error_window_new (GtkApplication *application,
                                             const char     *file_name,
                                             const GError   *error);

G_END_DECLS
