package org.ggzy.sgw.adapters;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with nothing but auto-configuration: what the gateway gets from having the module. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {}
