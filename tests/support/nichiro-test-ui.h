/* nichiro-test-ui.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-test-utils.h"

G_BEGIN_DECLS

typedef struct _NichiroApplication NichiroApplication;

/* What the widget tests share: finding a widget in a window and waiting
 * until the window shows something. */

typedef gboolean (*NichiroTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

GtkWidget *nichiro_test_find_widget    (GtkWidget              *root,
                                        GType                   type,
                                        const char             *label_text);
GtkWidget *nichiro_test_find_matching  (GtkWidget              *root,
                                        NichiroTestWidgetMatch  match,
                                        gconstpointer           data);
GtkWidget *nichiro_test_find_shown_label (GtkWidget            *root,
                                          const char           *text);
void       nichiro_test_wait_for       (GtkWidget              *root,
                                        gboolean              (*done) (gpointer data),
                                        gpointer                data);
void       nichiro_test_wait_for_label (GtkWidget              *root,
                                        const char             *text);
void       nichiro_test_print_labels   (GtkWidget              *root);

gboolean            nichiro_test_init_display    (void);
NichiroApplication *nichiro_test_application_new (void);

G_END_DECLS
