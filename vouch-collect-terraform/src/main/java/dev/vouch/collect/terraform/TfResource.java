package dev.vouch.collect.terraform;

import java.util.Map;

/**
 * One evaluated resource instance, the intermediate model between the evaluator and the normalizer.
 * Nested blocks are always a list of maps, whether written once or many times.
 *
 * @param type the Terraform type, e.g. {@code azurerm_storage_account}
 * @param address e.g. {@code azurerm_storage_account.main}, {@code x.y[0]}, {@code x.y["key"]}
 * @param id the Vouch id: {@code <module dir>/<address>}
 * @param file the file, relative to the scanned path
 * @param line the line of the {@code resource} block
 * @param attributes evaluated attributes and blocks; values may be {@link Unknown}
 */
record TfResource(String type, String address, String id, String file, int line, Map<String, Object> attributes) {}
