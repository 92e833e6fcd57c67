// The referral form: the provider list shows only providers that offer the chosen product.
// Each provider option carries data-products (the product ids it offers); without script
// the form still works, and the service refuses a provider that does not offer the product.
(function () {
  "use strict";
  var product = document.getElementById("id_product");
  var provider = document.getElementById("id_provider");
  if (!product || !provider) { return; }
  function narrow() {
    var chosen = product.value;
    Array.prototype.forEach.call(provider.options, function (option) {
      if (!option.value) { return; }
      var offers = !chosen || (option.dataset.products || "").split(" ").indexOf(chosen) !== -1;
      option.hidden = !offers;
      option.disabled = !offers;
      if (!offers && option.selected) { provider.value = ""; }
    });
  }
  product.addEventListener("change", narrow);
  narrow();
})();
