package dev.vouch.collect.azureoffline;

/**
 * The value of a template expression that cannot be known offline (a parameter without a value,
 * {@code reference()}, {@code resourceGroup().location} …). Never leaves this package: it is stripped
 * from resources and recorded in {@code Resource.unknowns}.
 */
enum Unresolved {
    VALUE
}
