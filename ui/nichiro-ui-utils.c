/* nichiro-ui-utils.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-ui-utils"

#include "config.h"

#include "nichiro-ui-utils.h"

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  if (app != NULL)
    g_application_quit (app);
}

static void
map_cb (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

/**
 * nichiro_quit_after_first_frame:
 * @window: a window not yet shown
 *
 * Quits the application once @window has painted its first frame. The
 * start-up benchmark times the program and a bare window this way.
 */
void
nichiro_quit_after_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

/**
 * nichiro_markup_link:
 * @uri: where the link goes
 * @text: the link's text, as plain text
 *
 * Returns: (transfer full): Pango markup for a link, both parts escaped
 */
char *
nichiro_markup_link (const char *uri,
                     const char *text)
{
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
}
