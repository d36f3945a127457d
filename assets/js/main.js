/* Homepage theme scripts: the greedy navigation (links that do not fit move into a drop-down)
   and the author profile's "Follow" toggle on small screens. Needs jQuery. */
$(function () {
  var $nav = $('#site-nav');
  var $btn = $('#site-nav button');
  var $vlinks = $('#site-nav .visible-links');
  var $hlinks = $('#site-nav .hidden-links');
  var breaks = [];

  function updateNav() {
    var availableSpace = $btn.hasClass('hidden') ? $nav.width() : $nav.width() - $btn.width() - 30;
    if ($vlinks.width() > availableSpace) {
      breaks.push($vlinks.width());
      $vlinks.children().last().prependTo($hlinks);
      if ($btn.hasClass('hidden')) { $btn.removeClass('hidden'); }
    } else {
      if (availableSpace > breaks[breaks.length - 1]) {
        $hlinks.children().first().appendTo($vlinks);
        breaks.pop();
      }
      if (breaks.length < 1) {
        $btn.addClass('hidden');
        $hlinks.addClass('hidden');
      }
    }
    $btn.attr('count', breaks.length);
    if ($vlinks.width() > availableSpace) { updateNav(); }
  }

  $(window).on('resize', updateNav);
  $btn.on('click', function () {
    $hlinks.toggleClass('hidden');
    $(this).toggleClass('close');
  });
  updateNav();

  $('.author__urls-wrapper button').on('click', function () {
    $('.author__urls').fadeToggle('fast');
    $('.author__urls-wrapper button').toggleClass('open');
  });
});
