/* main.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nichiro-application.h"
#include "nichiro-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NichiroApplication) app = NULL;

  setlocale (LC_ALL, "");
  nichiro_cli_use_utf8 ();
  /* GTK would set the locale again on start-up, undoing the above. */
  gtk_disable_setlocale ();
  /* NICHIRO_LOCALEDIR lets an uninstalled build find its catalogues
   * (build/po holds <lang>/LC_MESSAGES/nichiro.mo). */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("NICHIRO_LOCALEDIR") != NULL ? g_getenv ("NICHIRO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nichiro_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
