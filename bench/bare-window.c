/* bare-window.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bare-window"

#include "config.h"

#include <adwaita.h>

#include "nichiro-ui-utils.h"

/* The start-up benchmark's baseline: the least a libadwaita program can
 * show, a window of Nichiro's size with a header bar. It links libnichiro
 * and quits after its first frame the same way Nichiro does, so the two
 * programs differ only in what Nichiro itself loads and builds. */

static void
activate_cb (GApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (g_getenv ("NICHIRO_EXIT_AFTER_FIRST_FRAME") != NULL)
    nichiro_quit_after_first_frame (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.nichiro.Nichiro.Bare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
