/*
 * "Sort by distance from where I am": asks the browser for the visitor's location and reloads the
 * overview with sort=distance&lat=…&lon=… (rounded to about a kilometre). Without JavaScript or
 * without permission the button stays hidden or does nothing; the place field still works.
 */
(function () {
  "use strict";
  var button = document.querySelector("[data-near-me]");
  if (!button || !("geolocation" in navigator)) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var params = new URLSearchParams(window.location.search);
        params.set("sort", "distance");
        params.set("lat", position.coords.latitude.toFixed(2));
        params.set("lon", position.coords.longitude.toFixed(2));
        params.delete("page");
        window.location.search = params.toString();
      },
      function () {
        button.disabled = false;
      },
      { maximumAge: 600000, timeout: 10000 }
    );
  });
})();
