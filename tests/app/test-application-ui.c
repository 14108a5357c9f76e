/* test-application-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-application.h"
#include "nichiro-test-ui.h"

/* What the application sets up at start-up that AdwApplication would have
 * from a resource base path: its style sheets, and its icon left out of
 * the icon theme until the About window asks for it. Run once as the
 * system is and once with ADW_DEBUG_HIGH_CONTRAST=1. */

static NichiroApplication *app;

static int
measured_width (GtkWidget *widget)
{
  int width = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

static void
test_styles (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *part = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new ("Part");
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *tool = gtk_drawing_area_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const PangoFontDescription *font;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  g_assert_true (high_contrast == (g_getenv ("ADW_DEBUG_HIGH_CONTRAST") != NULL));
  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));

  /* style.css: a part's title in the guide is bold. */
  gtk_widget_add_css_class (part, "nichiro-guide-part");
  gtk_widget_add_css_class (title, "nichiro-guide-title");
  gtk_box_append (GTK_BOX (part), title);

  /* style-hc.css, in high contrast only: the timeline's tools are edged. */
  gtk_widget_add_css_class (tools, "nichiro-timeline-tools");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (tool), 40);
  gtk_box_append (GTK_BOX (tools), tool);

  gtk_box_append (GTK_BOX (box), part);
  gtk_box_append (GTK_BOX (box), tools);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  font = pango_context_get_font_description (gtk_widget_get_pango_context (title));
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (measured_width (tools), ==, high_contrast ? 42 : 40);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The start-up adds no path to the icon theme: one added after GTK read
 * the theme on its thread would have it read again for the first frame. */
static void
test_icon_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (paths[i], "/io/github/nichiro/Nichiro"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  app = nichiro_test_application_new ();

  g_test_add_func ("/nichiro/application/styles", test_styles);
  g_test_add_func ("/nichiro/application/icon-theme", test_icon_theme);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
