/** Remote access to the published warehouse: an Arrow Flight SQL server, its users and scopes. */
package org.tuopin.server;
